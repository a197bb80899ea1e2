resource "x" "café" {
}

resource "x" "\u0065\u0301t\u00e9" {
}

resource x naïve {
  name = "café"
  tags = { "é" = 1 }
}
