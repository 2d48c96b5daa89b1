// ICU's word break iterator, for the word segmenter only (Debian's libicu-dev).
// ICU's headers rename every function to its versioned symbol (ubrk_open becomes
// ubrk_open_72) with macros Swift does not apply, so Swift sees only the versioned
// names. The wrappers below are compiled as C, where the macros work: Swift calls
// bs_ubrk_open and nothing on the Swift side names an ICU version.
#ifndef BROADSHEET_CICU_SHIM_H
#define BROADSHEET_CICU_SHIM_H

#include <unicode/utypes.h>
#include <unicode/ubrk.h>

// U_SUCCESS and U_FAILURE are macros Swift cannot import.
static inline int bs_icu_failed(UErrorCode code) { return U_FAILURE(code) ? 1 : 0; }
static inline int32_t bs_ubrk_done(void) { return UBRK_DONE; }

static inline UBreakIterator *bs_ubrk_open_word(const char *locale, const UChar *text, int32_t length,
                                                UErrorCode *status) {
    return ubrk_open(UBRK_WORD, locale, text, length, status);
}
static inline int32_t bs_ubrk_first(UBreakIterator *iterator) { return ubrk_first(iterator); }
static inline int32_t bs_ubrk_next(UBreakIterator *iterator) { return ubrk_next(iterator); }
static inline void bs_ubrk_close(UBreakIterator *iterator) { ubrk_close(iterator); }

#endif
