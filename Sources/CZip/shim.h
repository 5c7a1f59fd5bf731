#ifndef NIANJIAN_CZIP_SHIM_H
#define NIANJIAN_CZIP_SHIM_H
#include <zip.h>
#endif
