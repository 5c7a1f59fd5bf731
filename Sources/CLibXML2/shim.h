#ifndef NIANJIAN_CLIBXML2_SHIM_H
#define NIANJIAN_CLIBXML2_SHIM_H
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>
#include <libxml/xmlversion.h>

/// libxml2's version number as an int (LIBXML_VERSION is a macro Swift cannot import).
static inline int nianjian_libxml_version(void) { return LIBXML_VERSION; }
#endif
