// Package evidence keeps the files a person attaches to a track as proof
// (a confirmation page, a customer-service chat, the SMS that says it is
// done) in the data folder's evidence/ folder.
//
// Each file is stored once under the hex SHA-256 of its content (plus an
// extension for the system viewer), mode 0600 in a 0700 folder, so the
// name itself proves what the content is and identical attachments share
// one file. Every input is hostile: only regular files (no symlinks,
// devices or folders), at most MaxFileBytes, of a type sniffed from the
// content (PNG, JPEG, GIF, WebP, PDF, plain text), never from the name.
// A file is copied through a size-capped reader into a temporary file in
// the same folder, hashed while copying, synced and renamed, so a crash
// leaves either no file or the whole one.
package evidence
