#ifndef NIANJIAN_CZIP_SHIM_H
#define NIANJIAN_CZIP_SHIM_H
#include <zip.h>

/// ZIP_RDONLY (a macro).
static inline int nianjian_zip_rdonly(void) { return ZIP_RDONLY; }
#endif
