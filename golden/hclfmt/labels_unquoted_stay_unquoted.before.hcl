block foo bar {
  a = 1
}
other "quoted" unquoted {
}
