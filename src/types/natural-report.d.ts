// natural's stop word list, loaded on its own for the report's unanswered-message grouping (the
// package index pulls database clients and prints to stdout; see ENVIRONMENT.md).
declare module 'natural/lib/natural/util/stopwords' {
  export const words: string[];
}
