resource "aws_instance" "web" {
  ami              = data.aws_ami.al2.id
  instance_type    = "t3.micro"
  user_data        = base64encode("#!/bin/bash\necho one\n")
  user_data_base64 = filebase64("${path.module}/init.sh")
}
