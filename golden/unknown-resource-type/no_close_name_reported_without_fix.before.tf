resource "aws_quantum_teleporter" "x" {
  for_each = toset(["a", "b"])
  name     = each.key
}
