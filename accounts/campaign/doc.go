// Package campaign computes the figures of a whole deactivation campaign:
// how many accounts stand in each status and identity group, what is
// blocked and why, what is in a cooling-off and until when, the next
// deadlines, what still holds the real name or phone, and which gone
// accounts still have secrets in the keyring — and says it in one plain
// sentence. It is the one home of these figures: the GUI's overview and
// page 1 of the audit report both show what Compute returns. No Fyne.
package campaign
