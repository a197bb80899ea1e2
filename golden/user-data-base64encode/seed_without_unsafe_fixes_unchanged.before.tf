resource "aws_instance" "app_us_east_1" {
  count                  = 2
  provider               = aws.us_east_1
  ami                    = data.aws_ami.amazon_linux_2_us_east_1.id
  instance_type          = var.instance_type
  subnet_id              = aws_subnet.private_us_east_1[count.index].id
  vpc_security_group_ids = [aws_security_group.app_us_east_1.id]
  iam_instance_profile   = aws_iam_instance_profile.app.name

  user_data = base64encode(<<-EOF
    #!/bin/bash
    yum update -y
    yum install -y httpd
    systemctl start httpd
    systemctl enable httpd
    echo "<h1>Hello from ${var.app_name} in us-east-1 (instance ${count.index})</h1>" > /var/www/html/index.html
  EOF
  )

  tags = {
    Name = "${var.app_name}-app-us-east-1-${count.index}"
  }
}
