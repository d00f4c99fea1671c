// The catalogue the tests and type tests use (shared with the other bindings).
/// <reference types="@mfe-bus/test-utils/catalogue" />
