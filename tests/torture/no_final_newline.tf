resource "null_resource" "x" {
  triggers = {
    a = "b"
  }
}

last = 42