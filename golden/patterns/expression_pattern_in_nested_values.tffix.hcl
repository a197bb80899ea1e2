codemod "lookup-to-index" {
  match   = lookup($M, $K)
  replace = $M[$K]
}
