// ICU's word break iterator, for the word segmenter only (Debian's libicu-dev gives the
// version header). The library is not linked: it is opened with dlopen the first time a
// headline needs word boundaries, so a start whose first screen breaks no headline
// between two ideographs neither loads nor relocates libicuuc (about 0.3 M instructions
// at every start when linked).
//
// No ICU type is declared here: Foundation carries its own ICU (_FoundationICU) whose C
// types have the same names and other definitions, and Clang refuses a program that
// sees both. Only <unicode/uvernum.h> is included, for macros: the library's soname and
// the suffix of its versioned symbols (ubrk_open_72 …), so nothing names a version.
// The values used from <unicode/ubrk.h> and <unicode/utypes.h> are ICU's stable ABI:
// UBRK_WORD is 1, UBRK_DONE is -1, U_ZERO_ERROR is 0 and a failure is above 0.
#ifndef BROADSHEET_CICU_SHIM_H
#define BROADSHEET_CICU_SHIM_H

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <unicode/uvernum.h>

#define BS_ICU_STRING2(x) #x
#define BS_ICU_STRING(x) BS_ICU_STRING2(x)
#define BS_ICU_NAME(function) #function BS_ICU_STRING(U_ICU_VERSION_SUFFIX)

// An open ICU break iterator (UBreakIterator), opaque here.
typedef struct bs_break_iterator bs_break_iterator;

// The ICU functions used, resolved once.
struct bs_icu_api {
    bs_break_iterator *(*open)(int32_t, const char *, const uint16_t *, int32_t, int32_t *);
    int32_t (*first)(bs_break_iterator *);
    int32_t (*next)(bs_break_iterator *);
    void (*close)(bs_break_iterator *);
};

static inline void bs_icu_resolve(struct bs_icu_api *api) {
    void *library = dlopen("libicuuc.so." BS_ICU_STRING(U_ICU_VERSION_MAJOR_NUM), RTLD_NOW | RTLD_LOCAL);
    if (!library) return;
    api->open = (bs_break_iterator *(*)(int32_t, const char *, const uint16_t *, int32_t, int32_t *))
        dlsym(library, BS_ICU_NAME(ubrk_open));
    api->first = (int32_t (*)(bs_break_iterator *))dlsym(library, BS_ICU_NAME(ubrk_first));
    api->next = (int32_t (*)(bs_break_iterator *))dlsym(library, BS_ICU_NAME(ubrk_next));
    api->close = (void (*)(bs_break_iterator *))dlsym(library, BS_ICU_NAME(ubrk_close));
    if (!api->open || !api->first || !api->next || !api->close) api->open = NULL;
}

// The one table of resolved functions. Function-local statics: Swift's importer emits
// them with the inline function, where a file-level static would be left undefined.
static inline struct bs_icu_api *bs_icu_storage(void) {
    static struct bs_icu_api api;
    return &api;
}

static inline void bs_icu_resolve_storage(void) { bs_icu_resolve(bs_icu_storage()); }

// The resolved functions; open is NULL when ICU cannot be loaded.
static inline const struct bs_icu_api *bs_icu(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, bs_icu_resolve_storage);
    return bs_icu_storage();
}

// ubrk_next's value past the last boundary (UBRK_DONE).
static inline int32_t bs_ubrk_done(void) { return -1; }

// A word break iterator (UBRK_WORD) over `text` in `locale`, or NULL when ICU cannot be
// loaded or refuses (its UErrorCode above 0, a failure).
static inline bs_break_iterator *bs_ubrk_open_word(const char *locale, const uint16_t *text, int32_t length) {
    const struct bs_icu_api *icu = bs_icu();
    if (!icu->open) return NULL;
    int32_t status = 0;
    bs_break_iterator *iterator = icu->open(1, locale, text, length, &status);
    if (status > 0) {
        if (iterator) icu->close(iterator);
        return NULL;
    }
    return iterator;
}
static inline int32_t bs_ubrk_first(bs_break_iterator *iterator) { return bs_icu()->first(iterator); }
static inline int32_t bs_ubrk_next(bs_break_iterator *iterator) { return bs_icu()->next(iterator); }
static inline void bs_ubrk_close(bs_break_iterator *iterator) { bs_icu()->close(iterator); }

#endif
