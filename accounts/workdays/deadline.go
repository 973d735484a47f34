package workdays

import "time"

// ReviewDue is the day a platform's answer falls due when it promises to
// review a request within maxWorkdays working days: that many working days
// after the China-time day the request was submitted (the day itself does
// not count). Every screen, reminder, letter and report that names a review
// deadline asks this function, so they cannot disagree.
func (c *Calendar) ReviewDue(submitted time.Time, maxWorkdays int) (time.Time, Coverage) {
	return c.AddWorkdays(submitted, maxWorkdays)
}
