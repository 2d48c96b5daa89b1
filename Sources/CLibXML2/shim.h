// The libxml2 HTML parser, for EPaper's HTMLDocument only. pkg-config (libxml-2.0)
// puts /usr/include/libxml2, where <libxml/...> lives, on the include path: the
// headers give the types. The library itself is not linked: it is opened with dlopen
// the first time a saved page is parsed, so that starting the reader on a Markdown
// edition does not load libxml2 and the ICU libraries it pulls in (about 0.5 ms of
// CPU at every start; see docs/decisions).
#ifndef BROADSHEET_CLIBXML2_SHIM_H
#define BROADSHEET_CLIBXML2_SHIM_H

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>

// The libxml2 functions used, resolved once.
struct bs_xml_api {
    htmlDocPtr (*read_memory)(const char *, int, const char *, const char *, int);
    void (*free_doc)(xmlDocPtr);
    xmlChar *(*node_get_content)(const xmlNode *);
    xmlFreeFunc *free_function;    // the address of libxml2's global `xmlFree`
    void (*init_parser)(void);
};

static inline void bs_xml_resolve(struct bs_xml_api *api) {
    void *library = dlopen("libxml2.so.2", RTLD_NOW | RTLD_LOCAL);
    if (!library) return;
    api->read_memory = (htmlDocPtr (*)(const char *, int, const char *, const char *, int))dlsym(library, "htmlReadMemory");
    api->free_doc = (void (*)(xmlDocPtr))dlsym(library, "xmlFreeDoc");
    api->node_get_content = (xmlChar *(*)(const xmlNode *))dlsym(library, "xmlNodeGetContent");
    api->free_function = (xmlFreeFunc *)dlsym(library, "xmlFree");
    api->init_parser = (void (*)(void))dlsym(library, "xmlInitParser");
    if (!api->read_memory || !api->free_doc || !api->node_get_content || !api->free_function || !api->init_parser) {
        api->read_memory = NULL;
        return;
    }
    api->init_parser();   // libxml2's global set-up, once, before any thread parses
}

// The one table of resolved functions. Function-local statics: Swift's importer emits
// them with the inline function, where a file-level static would be left undefined.
static inline struct bs_xml_api *bs_xml_storage(void) {
    static struct bs_xml_api api;
    return &api;
}

static inline void bs_xml_resolve_storage(void) { bs_xml_resolve(bs_xml_storage()); }

// The resolved functions; read_memory is NULL when libxml2 cannot be loaded.
static inline const struct bs_xml_api *bs_xml(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, bs_xml_resolve_storage);
    return bs_xml_storage();
}

// Whether libxml2 could be loaded.
static inline int bs_xml_available(void) { return bs_xml()->read_memory != NULL; }

// htmlReadMemory with the options broadsheet uses: recover from broken markup, print
// no errors or warnings, never touch the network. NULL when libxml2 is missing.
static inline htmlDocPtr bs_html_read(const char *buffer, int size) {
    const struct bs_xml_api *api = bs_xml();
    if (!api->read_memory) return NULL;
    return api->read_memory(buffer, size, NULL, "UTF-8",
                            HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
}

static inline void bs_xml_free_doc(htmlDocPtr doc) { bs_xml()->free_doc(doc); }

// The text content of a node (an attribute's value), to be released with bs_xml_free.
static inline xmlChar *bs_xml_node_content(const xmlNode *node) { return bs_xml()->node_get_content(node); }

// xmlFree is a global function pointer, which Swift 6 treats as shared mutable state.
static inline void bs_xml_free(void *pointer) { (*bs_xml()->free_function)(pointer); }

#endif
