import Testing
@testable import ReaderUI
