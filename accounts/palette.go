package accounts

import "fmt"

// RGB is a colour as red, green, blue.
type RGB struct{ R, G, B uint8 }

// Hex writes the colour as #rrggbb, for HTML.
func (c RGB) Hex() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// statusColors is the one palette of the statuses: the GUI's badges and the
// report's charts both read it. Each badge also carries the status's name,
// since colour alone fails colour-blind people.
var statusColors = map[Status]RGB{
	StatusActive:      {0x5b, 0x67, 0x78},
	StatusPreparing:   {0xb4, 0x63, 0x00},
	StatusSubmitted:   {0x1d, 0x5f, 0xc4},
	StatusUnderReview: {0x6d, 0x3f, 0xc0},
	StatusCoolingOff:  {0xbe, 0x18, 0x5d},
	StatusDeactivated: {0x1b, 0x7f, 0x4a},
	StatusRejected:    {0xc0, 0x2b, 0x2b},
	StatusKept:        {0x0f, 0x76, 0x6e},
}

// Color is the status's colour; grey for an unknown status.
func (s Status) Color() RGB {
	if c, ok := statusColors[s]; ok {
		return c
	}
	return RGB{0x80, 0x80, 0x80}
}
