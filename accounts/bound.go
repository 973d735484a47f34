package accounts

// StillBound is the one rule for whether an account still holds the
// person's verified real name, phone number and third-party logins; the
// inventory's filters, the overview and the report all ask it. Each holds
// until its own unbind track is complete. The phone and the linked logins
// also go with the account itself (Gone); the real name does not, since
// platforms keep real-name records after a deletion and the person should
// confirm it was removed (the report's deactivated_real_name_bound).
func StillBound(a Account, tracks []Track) (realName, phone, thirdParty bool) {
	done := func(kind TrackKind) bool { return FindTrack(tracks, kind).CompletedAt != nil }
	gone := Gone(a, tracks)
	return a.RealName && !done(TrackRealNameUnbind),
		!gone && a.Phone != "" && !done(TrackPhoneUnbind),
		!gone && len(a.ThirdParty) > 0 && !done(TrackThirdPartyUnbind)
}

// Gone reports whether the account no longer exists on the platform:
// deactivated, or its account-deletion track is complete.
func Gone(a Account, tracks []Track) bool {
	return a.Status == StatusDeactivated || FindTrack(tracks, TrackAccountDelete).CompletedAt != nil
}
