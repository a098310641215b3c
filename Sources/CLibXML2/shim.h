// Debian's libxml2 is built with ICU, and its encoding.h then includes ICU's headers, whose
// definitions clash with the ICU copy inside swift-foundation. No part of libxml2's API that
// gongkai uses involves ICU, so its ICU section is left out of the import.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>

/// xmlFree is a global function pointer, which Swift 6 treats as shared mutable state.
static inline void gk_xml_free(void *pointer) { xmlFree(pointer); }
