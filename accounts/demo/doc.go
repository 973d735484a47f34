// Package demo writes realistic example data for trying Unbind out, for
// screenshots and for benchmarks: Write fills a data folder with a dozen
// accounts in every status, with ticked steps, tickets, backups, history
// and reminders; Generate makes any number of synthetic accounts. It never
// touches the person's own data folder or keyring: callers pass a separate
// folder and, for demo passwords, a keyring of their choice.
package demo
