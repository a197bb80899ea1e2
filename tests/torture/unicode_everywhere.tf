# Commentaire en français : été, naïve, 日本語, emoji 😀
// Кириллица
/* Ελληνικά ✓ */
locals {
  café    = "crème brûlée ☕"
  日本語   = "こんにちは ${var.名前}"
  emoji   = "😀🎉 ${"✓"}"
  mixed-ñ = { clé = "valeur", "ключ" = "значение" }
  ünïcödé = <<EOT
Grüße aus Köln — “quotes” ‘single’
EOT
}
resource "aws_s3_bucket" "bücket" {
  bucket = "naïve" # trailing é comment
}
