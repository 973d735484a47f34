/*
 * A stand-in for bcryptprimitives.dll, for the Wine checks of
 * .ci/check-windows.sh only (it is never packaged). Go 1.24 and newer call
 * ProcessPrng from that DLL at start-up; Debian 12's Wine 8.0 has no such
 * DLL, so every Go program dies there ("bcryptprimitives.dll not found").
 * This one answers with RtlGenRandom, the generator Windows' own
 * ProcessPrng is built on. Wine 9 and newer ship the DLL, and then the
 * check uses theirs.
 */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
		if (!RtlGenRandom(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
