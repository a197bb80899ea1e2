resource "aws_eip" "this" {
    domain = "vpc"
}
