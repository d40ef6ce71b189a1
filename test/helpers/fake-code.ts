// The fakes in the tests raise codes of their own ("fake.fatal"), which drctl never raises and the
// registry (src/core/codes) does not hold. This is the one place they get past DrctlError's type.
import type { ErrorCode } from '../../src/core/errors';

export const fakeCode = (code: `fake.${string}`): ErrorCode => code as ErrorCode;
