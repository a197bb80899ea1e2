output "ip" {
    value = aws_eip.this.public_ip
}
