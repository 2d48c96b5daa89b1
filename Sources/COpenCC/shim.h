// OpenCC's C API (Debian's libopencc-dev gives <opencc/opencc.h>), for 繁简 conversion
// only. The library is not linked: it is opened with dlopen the first time a text is
// converted or a search folds scripts, so a start that never converts neither loads
// nor relocates libopencc and the libmarisa and libstdc++ it pulls in.
//
// The header is included for its declarations: each resolved pointer is typed from
// them (__typeof__), so a changed signature fails the build, not the reader. Swift
// must not call opencc_* directly (that would need the library linked); it calls the
// bs_opencc_* functions below.
#ifndef BROADSHEET_COPENCC_SHIM_H
#define BROADSHEET_COPENCC_SHIM_H

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <opencc/opencc.h>

// The OpenCC functions used, resolved once.
struct bs_opencc_api {
    __typeof__(&opencc_open) open;
    __typeof__(&opencc_convert_utf8) convert;
    __typeof__(&opencc_convert_utf8_free) free;
    __typeof__(&opencc_close) close;
    __typeof__(&opencc_error) error;
};

static inline void bs_opencc_resolve(struct bs_opencc_api *api) {
    void *library = dlopen("libopencc.so.1.1", RTLD_NOW | RTLD_LOCAL);
    if (!library) return;
    api->open = (__typeof__(&opencc_open))dlsym(library, "opencc_open");
    api->convert = (__typeof__(&opencc_convert_utf8))dlsym(library, "opencc_convert_utf8");
    api->free = (__typeof__(&opencc_convert_utf8_free))dlsym(library, "opencc_convert_utf8_free");
    api->close = (__typeof__(&opencc_close))dlsym(library, "opencc_close");
    api->error = (__typeof__(&opencc_error))dlsym(library, "opencc_error");
    if (!api->open || !api->convert || !api->free || !api->close || !api->error) api->open = NULL;
}

// The one table of resolved functions. Function-local statics: Swift's importer emits
// them with the inline function, where a file-level static would be left undefined.
static inline struct bs_opencc_api *bs_opencc_storage(void) {
    static struct bs_opencc_api api;
    return &api;
}

static inline void bs_opencc_resolve_storage(void) { bs_opencc_resolve(bs_opencc_storage()); }

// The resolved functions; open is NULL when the library cannot be loaded.
static inline const struct bs_opencc_api *bs_opencc(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, bs_opencc_resolve_storage);
    return bs_opencc_storage();
}

// Whether libopencc could be loaded (dlopen and every symbol).
static inline int bs_opencc_loaded(void) { return bs_opencc()->open != NULL; }

// A converter for `config` (a file name such as "s2t.json", looked up in OpenCC's data
// folder, or a path), or NULL when the library or the configuration cannot be loaded.
static inline void *bs_opencc_open(const char *config) {
    const struct bs_opencc_api *api = bs_opencc();
    if (!api->open) return NULL;
    opencc_t handle = api->open(config);
    return handle == (opencc_t)-1 ? NULL : handle;
}

// `length` bytes of UTF-8 converted, as a malloc'd NUL-terminated string to give to
// bs_opencc_free, or NULL on error.
static inline char *bs_opencc_convert(void *handle, const char *input, size_t length) {
    return bs_opencc()->convert(handle, input, length);
}
static inline void bs_opencc_free(char *text) { bs_opencc()->free(text); }
static inline void bs_opencc_close(void *handle) { bs_opencc()->close(handle); }

// OpenCC's last error message, or "" when the library is not loaded.
static inline const char *bs_opencc_error(void) {
    const struct bs_opencc_api *api = bs_opencc();
    return api->error ? api->error() : "";
}

#endif
