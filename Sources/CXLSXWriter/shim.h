#ifndef NIANJIAN_CXLSXWRITER_SHIM_H
#define NIANJIAN_CXLSXWRITER_SHIM_H
#include <locale.h>
#include <stdio.h>
#include <xlsxwriter.h>
#ifdef __APPLE__
#include <xlocale.h>
#endif
#ifdef __linux__
#include <fcntl.h>
#endif

/// Linux's `O_TMPFILE` flag for `open` (a file with no name until `linkat` gives it one), or 0 where there is none.
/// glibc shows the `O_TMPFILE` macro only with `_GNU_SOURCE`, and its value differs between architectures.
static inline int nianjian_open_anonymous_flag(void) {
#if defined(__linux__) && defined(__O_TMPFILE)
  return __O_TMPFILE;
#else
  return 0;
#endif
}

/// libxlsxwriter's version string (LXW_VERSION is a macro Swift cannot import).
static inline const char *nianjian_lxw_version(void) { return LXW_VERSION; }

/// libxlsxwriter's version as a number, e.g. 114 for 1.1.4 (LXW_VERSION_ID is a macro).
static inline int nianjian_lxw_version_id(void) { return LXW_VERSION_ID; }

/// The thread's previous locale and the "C" locale installed in its place.
typedef struct nianjian_locale_scope {
  locale_t previous;
  locale_t c_locale;
} nianjian_locale_scope;

/// Installs the "C" locale for the calling thread only, so libxlsxwriter's `%.16G` prints a '.'
/// decimal point whatever `setlocale` the host program made. Undo with `nianjian_leave_c_locale`.
static inline nianjian_locale_scope nianjian_enter_c_locale(void) {
  nianjian_locale_scope scope = {(locale_t)0, (locale_t)0};
  scope.c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
  if (scope.c_locale) scope.previous = uselocale(scope.c_locale);
  return scope;
}

/// Restores the thread's locale saved by `nianjian_enter_c_locale`.
static inline void nianjian_leave_c_locale(nianjian_locale_scope scope) {
  if (scope.c_locale) {
    uselocale(scope.previous);
    freelocale(scope.c_locale);
  }
}

/// Prints a double exactly as libxlsxwriter 1.1.4 does in a cell's `<v>` (`%.16G`, C locale).
static inline int nianjian_format_double_16(char *buffer, size_t size, double value) {
  nianjian_locale_scope scope = nianjian_enter_c_locale();
  int written = snprintf(buffer, size, "%.16G", value);
  nianjian_leave_c_locale(scope);
  return written;
}

/// Prints a double with 17 significant digits (always enough to read back the same double).
static inline int nianjian_format_double_17(char *buffer, size_t size, double value) {
  nianjian_locale_scope scope = nianjian_enter_c_locale();
  int written = snprintf(buffer, size, "%.17G", value);
  nianjian_leave_c_locale(scope);
  return written;
}
#endif
