// ICU's word break iterator, for the word segmenter only (Debian's libicu-dev gives the
// headers). The library is not linked: it is opened with dlopen the first time a
// headline needs word boundaries, so a start whose first screen breaks no headline
// between two ideographs neither loads nor relocates libicuuc (about 0.3 M instructions
// at every start when linked).
//
// ICU's headers rename every function to its versioned symbol (ubrk_open becomes
// ubrk_open_72) with macros; BS_ICU_NAME stringifies through them, so the symbols
// looked up are the ones of the headers' version and nothing in Swift names a version.
#ifndef BROADSHEET_CICU_SHIM_H
#define BROADSHEET_CICU_SHIM_H

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>
#include <unicode/ubrk.h>

#define BS_ICU_STRING2(x) #x
#define BS_ICU_STRING(x) BS_ICU_STRING2(x)
#define BS_ICU_NAME(function) BS_ICU_STRING(function)

// The ICU functions used, resolved once.
struct bs_icu_api {
    UBreakIterator *(*open)(UBreakIteratorType, const char *, const UChar *, int32_t, UErrorCode *);
    int32_t (*first)(UBreakIterator *);
    int32_t (*next)(UBreakIterator *);
    void (*close)(UBreakIterator *);
};

static inline void bs_icu_resolve(struct bs_icu_api *api) {
    void *library = dlopen("libicuuc.so." BS_ICU_STRING(U_ICU_VERSION_MAJOR_NUM), RTLD_NOW | RTLD_LOCAL);
    if (!library) return;
    api->open = (UBreakIterator *(*)(UBreakIteratorType, const char *, const UChar *, int32_t, UErrorCode *))
        dlsym(library, BS_ICU_NAME(ubrk_open));
    api->first = (int32_t (*)(UBreakIterator *))dlsym(library, BS_ICU_NAME(ubrk_first));
    api->next = (int32_t (*)(UBreakIterator *))dlsym(library, BS_ICU_NAME(ubrk_next));
    api->close = (void (*)(UBreakIterator *))dlsym(library, BS_ICU_NAME(ubrk_close));
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

// U_SUCCESS and U_FAILURE are macros Swift cannot import.
static inline int bs_icu_failed(UErrorCode code) { return U_FAILURE(code) ? 1 : 0; }
static inline int32_t bs_ubrk_done(void) { return UBRK_DONE; }

// A word break iterator over `text`, or NULL when ICU cannot be loaded or opened.
static inline UBreakIterator *bs_ubrk_open_word(const char *locale, const UChar *text, int32_t length,
                                                UErrorCode *status) {
    const struct bs_icu_api *icu = bs_icu();
    if (!icu->open) return NULL;
    return icu->open(UBRK_WORD, locale, text, length, status);
}
static inline int32_t bs_ubrk_first(UBreakIterator *iterator) { return bs_icu()->first(iterator); }
static inline int32_t bs_ubrk_next(UBreakIterator *iterator) { return bs_icu()->next(iterator); }
static inline void bs_ubrk_close(UBreakIterator *iterator) { bs_icu()->close(iterator); }

#endif
