#include <zlib.h>

/// inflateInit2 is a macro, which Swift does not import: raw deflate streams (zip entries) are
/// opened with window bits -15.
static inline int gk_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -15);
}
