#ifndef NIANJIAN_CXLSXWRITER_SHIM_H
#define NIANJIAN_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>

/// libxlsxwriter's version string (LXW_VERSION is a macro Swift cannot import).
static inline const char *nianjian_lxw_version(void) { return LXW_VERSION; }
#endif
