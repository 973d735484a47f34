package main

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/workdays"
)

var daysPattern = regexp.MustCompile(`^(\d{1,4})([dw])(.*)$`)

// parseSnooze reads a Go duration ("90m", "36h") that may start with days
// or weeks: "2d", "1w", "1d12h".
func parseSnooze(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	var d time.Duration
	if m := daysPattern.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1])
		if m[2] == "w" {
			n *= 7
		}
		d, s = time.Duration(n)*24*time.Hour, m[3]
		if s == "" {
			return d, nil
		}
	}
	rest, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("invalid duration %q (e.g. 2d, 1w, 90m, 1d12h)", s)
	}
	return d + rest, nil
}

// parseWhen reads a time: YYYY-MM-DD, "YYYY-MM-DD HH:MM" (China time) or
// RFC 3339. A bare date is 10:00 China time (store.DefaultDueHour; give
// the time to choose another) when forAdd, else the
// last moment of that day.
func parseWhen(s string, forAdd bool) (time.Time, error) {
	t, err := parseWhenAny(s, forAdd)
	if err != nil {
		return time.Time{}, err
	}
	if err := accounts.CheckDate("time", t); err != nil {
		return time.Time{}, fmt.Errorf("time %q: %w", s, err)
	}
	return t, nil
}

func parseWhenAny(s string, forAdd bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	d, err := workdays.ParseDate(s)
	if errors.Is(err, accounts.ErrInvalid) {
		return time.Time{}, err // a date, but out of range
	}
	if err == nil {
		if forAdd {
			return workdays.AtChinaTime(d, store.DefaultDueHour, 0), nil
		}
		return workdays.AtChinaTime(d.AddDate(0, 0, 1), 0, 0).Add(-time.Millisecond), nil
	}
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02T15:04"} {
		if t, err := time.ParseInLocation(layout, s, workdays.ChinaTime); err == nil {
			return t, nil
		}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("invalid time %q (want YYYY-MM-DD, \"YYYY-MM-DD HH:MM\" or RFC 3339)", s)
}
