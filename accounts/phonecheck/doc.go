// Package phonecheck compares the result of China's 一证通查 service
// (how many accounts each company holds for a phone number) with the
// accounts in the inventory, and says per company what is missing, what
// is still counted although it was deleted, and which steps find the
// rest. ParseCounts reads the counts a person types ("美团=2"),
// ResolveCompany matches a company name in the forms people write it.
package phonecheck
