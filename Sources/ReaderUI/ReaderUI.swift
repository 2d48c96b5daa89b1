// STUB (skeleton): the screen layer (issue 5) lives here.
import ReaderCore
