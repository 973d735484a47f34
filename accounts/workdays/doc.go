// Package workdays counts Chinese working days: weekends, public holidays
// and the make-up working days of the State Council's yearly notice, on
// civil days in China time. The holiday data is embedded (assets) and can
// be extended by the person's own files in the data folder.
//
// It sits at the bottom of the layers (it imports only accounts, for the
// date range, and assets), so the reminders, the report, the GUI and the
// CLI all count deadlines with the same calendar; ReviewDue is the one
// definition of a review deadline.
package workdays
