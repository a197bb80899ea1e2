resource "aws_instance" "web" {
    count = 2
    ami   = "ami-123"
}

output "first_ip" {
    # the first one
    value = aws_instance.web[0].private_ip
}

output "all_ips" {
    value = aws_instance.web[*].private_ip # every instance
}
