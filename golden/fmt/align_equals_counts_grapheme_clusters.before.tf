locals {
  labels = {
    "é" = 1
    "éé" = 2
    "日本" = 3
    "🇩🇪" = 4
    abcd = 5
  }
}
