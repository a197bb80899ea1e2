resource "aws_instance" "web" {
  ami           = data.aws_ami.al2.id
  instance_type = "t3.micro"
  user_data     = templatefile("${path.module}/init.sh", { app = "web" })
}

resource "aws_instance" "worker" {
  ami           = data.aws_ami.al2.id
  instance_type = "t3.micro"
  user_data     = <<-EOF
    #!/bin/bash
    echo worker > /etc/role
  EOF
}

resource "aws_instance" "batch" {
  ami              = data.aws_ami.al2.id
  instance_type    = "t3.micro"
  user_data_base64 = base64gzip(file("${path.module}/batch.sh"))
}
