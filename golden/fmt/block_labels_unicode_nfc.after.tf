resource "x" "café" {
}

resource "x" "été" {
}

resource "x" "naïve" {
  name = "café"
  tags = { "é" = 1 }
}
