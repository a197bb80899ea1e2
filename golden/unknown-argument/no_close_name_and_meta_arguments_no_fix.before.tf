resource "aws_s3_bucket" "b" {
  bucket     = "x"
  depends_on = []
  provider   = aws
  frobnicate = true

  provisioner "local-exec" {
    command = "true"
  }
}
