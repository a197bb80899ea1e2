resource "aws_eip" "this" {
    domain = "vpc"
}

output "ip" {
    value = aws_eip.this.public_ip
}
