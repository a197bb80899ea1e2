resource "aws_instance" "web" {
  ami  = "${var.ami_id}" # pinned
  tags = "${merge(local.tags, var.tags)}"
}
