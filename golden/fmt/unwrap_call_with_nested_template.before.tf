locals {
  a = "${lower("${var.x}-suffix")}"
  b = "${"literal"}"
}
