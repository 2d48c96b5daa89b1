// The libxml2 headers EPaper's HTMLDocument uses. pkg-config (libxml-2.0) puts
// /usr/include/libxml2 on the include path, where <libxml/...> lives.
#ifndef BROADSHEET_CLIBXML2_SHIM_H
#define BROADSHEET_CLIBXML2_SHIM_H

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>

// The parser options broadsheet uses, as one value: recover from broken markup,
// print no errors or warnings, never touch the network.
static inline int bs_html_options(void) {
    return HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
}

// xmlFree is a global function pointer, which Swift 6 treats as shared mutable state.
static inline void bs_xml_free(void *pointer) { xmlFree(pointer); }

#endif
