#ifndef NIANJIAN_CLIBXML2_SHIM_H
#define NIANJIAN_CLIBXML2_SHIM_H
// Debian builds libxml2 with ICU; its <unicode/*.h> clash with Foundation's own ICU copy in a Swift module.
// Nothing here touches the ICU members of libxml2's encoding structs, so the ICU headers are left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlversion.h>
#include <locale.h>
#include <stdlib.h>

/// libxml2's version number as an int (LIBXML_VERSION is a macro Swift cannot import).
static inline int nianjian_libxml_version(void) { return LIBXML_VERSION; }

/// A generic-error sink that drops every message (the variadic type cannot be written in Swift).
static void nianjian_libxml_silent_generic_error(void *context, const char *message, ...) {
  (void)context;
  (void)message;
}

/// Stops libxml2 from printing to stderr on this thread: errors are captured per parser instead.
static inline void nianjian_libxml_silence_generic_errors(void) {
  xmlSetGenericErrorFunc(NULL, nianjian_libxml_silent_generic_error);
}

/// The value of XML_SAX2_MAGIC (a macro).
static inline unsigned int nianjian_libxml_sax2_magic(void) { return XML_SAX2_MAGIC; }

/// The parser options the reader uses: no network, nothing else (never NOENT, DTDLOAD or HUGE).
static inline int nianjian_libxml_safe_options(void) { return XML_PARSE_NONET; }

extern double strtod_l(const char *text, char **end, locale_t locale);

/// Locale-independent, correctly rounded decimal-to-double conversion (glibc strtod_l in the "C" locale).
static inline double nianjian_strtod_c(const char *text, char **end) {
  static locale_t c_locale = (locale_t)0;
  if (c_locale == (locale_t)0) c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
  return strtod_l(text, end, c_locale);
}
#endif
