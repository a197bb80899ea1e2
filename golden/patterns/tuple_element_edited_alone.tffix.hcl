rule "wildcard-action" {
  code     = "ACME010"
  message  = "$P allows every action of a service"
  severity = "error"
  safety   = "unsafe"

  match {
    actions = [$...A, $P, $...B]
  }
  replace {
    actions = [$...A, "s3:GetObject", $...B]
  }
  where {
    P = regex("^s3:[*]$")
  }
}
