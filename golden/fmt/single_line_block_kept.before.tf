resource "aws_instance" "web" {
  timeouts {create="10m"}
  lifecycle {   ignore_changes = [tags]   }
}
