using System.Runtime.InteropServices;

namespace OutlookCommit.Fuzz;

/// <summary>
/// Code instrumented by sharpfuzz records every branch into <c>SharpFuzz.Common.Trace.SharedMem</c>, which only
/// afl-fuzz's fork server sets. Replaying or mutating with an instrumented build would then write through a null
/// pointer, so those modes give it a private buffer of afl's map size.
/// </summary>
public static unsafe class AflCoverage
{
    private const int MapSize = 1 << 16;

    public static void EnsureBuffer()
    {
        if (SharpFuzz.Common.Trace.SharedMem is null)
            SharpFuzz.Common.Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(MapSize);
    }
}
