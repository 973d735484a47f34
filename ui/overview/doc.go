// Package overview is the campaign at a glance: how many accounts stand in
// each status (a bar chart in the badges' colours), per identity group,
// what is blocked and why, what is in a cooling-off and until when, the
// next deadlines, what still holds the real name or phone, and the secrets
// still stored for accounts that are gone. The figures come from
// accounts/campaign, the same the report's page 1 shows; every figure opens
// the inventory filtered to its accounts through Shell.
package overview
