package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/phonecheck"
)

func init() {
	register(group{name: "phone-check", summary: "compare a 一证通查 result SMS with the inventory", run: runPhoneCheck})
}

const phoneCheckUsage = `usage:
  unbindctl phone-check PHONE COMPANY=N [COMPANY=N …] [--json] [--lang zh|en]
  unbindctl phone-check --sms FILE [PHONE] [--json] [--lang zh|en]
--sms reads the result SMS as received (FILE, or - for standard input): all
its parts pasted together; PHONE is needed when the SMS masks the number.
COMPANY is a catalog company ID (alibaba, jd, tencent, pdd, bytedance, meituan …)
or its Chinese name (阿里巴巴=2 京东=1 腾讯=3), as the 一证通查 result SMS lists
them. Compares the counts with the inventory's accounts bound to PHONE (phone
field, or a login that is that number), says where accounts are missing and how
to find them, and saves the check to the history and the audit report.`

// phoneCheckOutput is the stable JSON of 'phone-check --json'.
type phoneCheckOutput struct {
	ID        string    `json:"id"`
	CheckedAt time.Time `json:"checked_at"`
	phonecheck.Result
	// SMS is the parsed SMS of --sms.
	SMS *phonecheck.SMS `json:"sms,omitempty"`
}

// readSMS reads and parses the SMS of --sms: a file, or standard input
// for "-", read no further than the parser's bound.
func readSMS(e *env, name string, cat *catalog.Catalog) (phonecheck.SMS, error) {
	r := e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return phonecheck.SMS{}, usagef("phone-check: %v", err)
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, phonecheck.MaxSMSBytes+1))
	if err != nil {
		return phonecheck.SMS{}, fmt.Errorf("phone-check: read %s: %w", name, err)
	}
	s, err := phonecheck.ParseSMS(cat, string(b))
	if err != nil {
		return s, usagef("%v", err)
	}
	return s, nil
}

func runPhoneCheck(e *env, args []string) error {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		fmt.Fprintln(e.stdout, phoneCheckUsage)
		return nil
	}
	fs := newFlags("phone-check")
	asJSON := fs.Bool("json", false, "print JSON")
	smsFile := fs.String("sms", "", "read the counts from the result SMS in `FILE` (- for standard input)")
	lang := langFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := checkLang("phone-check", *lang); err != nil {
		return err
	}
	cat, err := e.catalog()
	if err != nil {
		return err
	}
	var phone string
	var counts []phonecheck.CompanyCount
	var sms *phonecheck.SMS
	if *smsFile != "" {
		if len(pos) > 1 {
			return usagef("phone-check --sms takes at most a PHONE besides the file\n%s", phoneCheckUsage)
		}
		s, err := readSMS(e, *smsFile, cat)
		if err != nil {
			return err
		}
		entered := ""
		if len(pos) == 1 {
			entered = pos[0]
		}
		if phone, err = phonecheck.SMSPhone(s, entered); err != nil {
			return usagef("%v", err)
		}
		counts, sms = s.Counts, &s
	} else {
		if len(pos) < 2 {
			return usagef("phone-check wants a PHONE and at least one COMPANY=N, or --sms FILE\n%s", phoneCheckUsage)
		}
		phone = accounts.PhoneDigits(pos[0])
		if !accounts.IsPhoneLike(pos[0]) || len(phone) < 7 {
			return usagef("phone-check: %q is not a phone number (7 to 15 digits, e.g. 13812345678)", pos[0])
		}
		if counts, err = phonecheck.ParseCounts(cat, pos[1:]); err != nil {
			return usagef("%v", err)
		}
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	res, saved, err := phonecheck.Run(e.ctx, st, cat, phone, counts, time.Now())
	if err != nil {
		return err
	}
	out := phoneCheckOutput{ID: saved.ID, CheckedAt: saved.CheckedAt, Result: res, SMS: sms}
	if *asJSON {
		return writeJSON(e.raw, out)
	}
	printPhoneCheck(e.stdout, out, *lang)
	return nil
}
