; Inno Setup 6 script: a per-user installer for Windows (no administrator rights), or for all users when IT
; runs it with /ALLUSERS. Written and documented, not yet run: see installer/README.md.
; installer/build.py runs it when Inno Setup's iscc is on PATH, after PyInstaller has built dist\tyokyky:
;   iscc /DAppVersion=0.1.0 /DSourceDir=dist\tyokyky /Odist installer\windows\tyokyky.iss
; Saved as UTF-8 with a byte-order mark, so Inno Setup reads the Finnish letters.

#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=...
#endif
#ifndef SourceDir
  #error Give the built program folder: iscc /DSourceDir=...\dist\tyokyky
#endif

[Setup]
AppId={{6B3F0D2E-8C41-4E7B-A1F5-93D2C7E4B820}
AppName=Työkyky
AppVersion={#AppVersion}
AppPublisher=Työkyky
DefaultDirName={autopf}\Tyokyky
DefaultGroupName=Työkyky
DisableProgramGroupPage=yes
; Per user by default ({autopf} is then %LOCALAPPDATA%\Programs); /ALLUSERS installs for everyone.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile={#SourceDir}\licences\Tyokyky-EUPL-1.2.txt
OutputBaseFilename=tyokyky-{#AppVersion}-setup
UninstallDisplayIcon={app}\Tyokyky.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "fi"; MessagesFile: "compiler:Languages\Finnish.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
; Tyokyky.exe is the windowed twin of tyokykyapp.exe (the command line): no console window opens.
Name: "{autoprograms}\Työkyky"; Filename: "{app}\Tyokyky.exe"
Name: "{autodesktop}\Työkyky"; Filename: "{app}\Tyokyky.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Tyokyky.exe"; Description: "{cm:LaunchProgram,Työkyky}"; Flags: nowait postinstall skipifsilent
