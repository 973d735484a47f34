//go:build race

package main

// importRaceBuild is true in a -race build, where a 50,000-entry import runs
// some thirty times slower.
const importRaceBuild = true
